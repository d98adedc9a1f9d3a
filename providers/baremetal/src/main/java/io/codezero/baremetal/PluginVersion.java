package io.codezero.baremetal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The codezero plugin version: what typed resources ask the engine for and what the plugin reports. */
public final class PluginVersion {
    private PluginVersion() {
    }

    /** The version, the project version filtered into {@code plugin.properties} at build time ({@code 0.1.0} when absent). */
    public static final String VALUE = load();

    private static String load() {
        try (InputStream in = PluginVersion.class.getResourceAsStream("plugin.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "0.1.0");
            return v.contains("${") ? "0.1.0" : v;
        } catch (IOException e) {
            return "0.1.0";
        }
    }
}
