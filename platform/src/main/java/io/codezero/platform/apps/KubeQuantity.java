package io.codezero.platform.apps;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Kubernetes quantities users write for CPU ("250m", "2") and bytes ("512Mi", "1G"), compared exactly. */
final class KubeQuantity {
    private static final Pattern CPU = Pattern.compile("([0-9]{1,6}(\\.[0-9]{1,3})?)(m?)");
    private static final Pattern BYTES = Pattern.compile("([0-9]{1,9})(Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Map<String, BigDecimal> UNITS = Map.of(
            "", BigDecimal.ONE, "m", new BigDecimal("0.001"),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40), "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L), "T", BigDecimal.valueOf(1_000_000_000_000L));

    private KubeQuantity() {
    }

    static boolean isCpu(String value) {
        return value != null && CPU.matcher(value).matches() && parse(value).signum() > 0;
    }

    static boolean isBytes(String value) {
        return value != null && BYTES.matcher(value).matches() && parse(value).signum() > 0;
    }

    /** The amount in cores or bytes; the caller has checked the form. */
    static BigDecimal parse(String value) {
        Matcher cpu = CPU.matcher(value);
        if (cpu.matches()) {
            return new BigDecimal(cpu.group(1)).multiply(UNITS.get(cpu.group(3)));
        }
        Matcher bytes = BYTES.matcher(value);
        if (bytes.matches()) {
            return new BigDecimal(bytes.group(1)).multiply(UNITS.get(bytes.group(2) == null ? "" : bytes.group(2)));
        }
        throw new IllegalArgumentException("not a quantity: " + value);
    }
}
