package io.codezero.platform;

import io.codezero.platform.helm.ChartRef;
import java.util.List;
import java.util.Set;

/**
 * A layer whose settings, name, charts, namespaces, requirements and offers are fixed when it is built, as they are
 * for every built-in layer: pass them to the constructor and implement only {@link #install} (and {@link #validate},
 * {@link #routes} where the layer has settings or routes).
 *
 * @param <O> the layer's settings (a record of what its builder was given); read back with {@link #options()}
 */
public abstract class DeclaredLayer<O> implements PlatformLayer {
    private final O options;
    private final String name;
    private final List<ChartRef> charts;
    private final List<String> namespaces;
    private final List<Requirement> requires;
    private final Set<Capability> provides;

    /**
     * @param options    the layer's settings
     * @param name       the layer's name, unique in the stack
     * @param charts     the charts it installs
     * @param namespaces the namespaces it creates and owns
     * @param requires   what it needs or uses
     * @param provides   what it offers
     */
    protected DeclaredLayer(O options, String name, List<ChartRef> charts, List<String> namespaces, List<Requirement> requires,
                            Set<Capability> provides) {
        this.options = options;
        this.name = name;
        this.charts = List.copyOf(charts);
        this.namespaces = List.copyOf(namespaces);
        this.requires = List.copyOf(requires);
        this.provides = Set.copyOf(provides);
    }

    /** The settings this layer was built with. */
    public final O options() {
        return options;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<ChartRef> charts() {
        return charts;
    }

    @Override
    public final List<String> namespaces() {
        return namespaces;
    }

    @Override
    public final List<Requirement> requires() {
        return requires;
    }

    @Override
    public final Set<Capability> provides() {
        return provides;
    }
}
