package io.codezero.platform.layers;

/**
 * What the built-in layers' builders have in common: the namespace the layer runs in and, for layers that keep data,
 * its volume size and how long it keeps data. Each layer's {@code Builder} states its own defaults.
 *
 * @param <B> the layer's builder, returned by every setter
 */
public abstract class LayerBuilder<B extends LayerBuilder<B>> {
    /** The namespace the layer runs in. */
    protected String namespace;

    /** @param namespace the layer's default namespace */
    protected LayerBuilder(String namespace) {
        this.namespace = namespace;
    }

    /** This builder, as its own type. */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /**
     * The namespace the layer runs in; the layer owns it (removing the layer removes it).
     *
     * @param namespace a DNS label, not one of Kubernetes' own namespaces
     * @return this builder
     */
    public B namespace(String namespace) {
        this.namespace = namespace;
        return self();
    }

    /**
     * A builder of a layer that keeps data on a volume.
     *
     * @param <B> the layer's builder
     */
    public abstract static class Stored<B extends Stored<B>> extends LayerBuilder<B> {
        /** The volume's size, e.g. 20Gi. */
        protected String storage;

        /**
         * @param namespace the layer's default namespace
         * @param storage   its default volume size
         */
        protected Stored(String namespace, String storage) {
            super(namespace);
            this.storage = storage;
        }

        /**
         * The volume's size, on the target's standard storage class.
         *
         * @param storage a Kubernetes size such as 500Mi, 20Gi or 1Ti
         * @return this builder
         */
        public B storage(String storage) {
            this.storage = storage;
            return self();
        }
    }

    /**
     * A builder of a layer that keeps data for a time (metrics, logs).
     *
     * @param <B> the layer's builder
     */
    public abstract static class Retained<B extends Retained<B>> extends Stored<B> {
        /** How long data is kept, e.g. 15d. */
        protected String retention;

        /**
         * @param namespace the layer's default namespace
         * @param storage   its default volume size
         * @param retention its default retention
         */
        protected Retained(String namespace, String storage, String retention) {
            super(namespace, storage);
            this.retention = retention;
        }

        /**
         * How long data is kept.
         *
         * @param retention a duration such as 72h, 15d or 4w
         * @return this builder
         */
        public B retention(String retention) {
            this.retention = retention;
            return self();
        }
    }
}
