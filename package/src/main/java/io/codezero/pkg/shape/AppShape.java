package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/**
 * {@code platform.apps[i]}: what {@code AppCatalogue} and {@code AppHardeningConfig} read. The keys of every kind; the
 * image-only ones (image, port, env, volumePath, replicas, probes, user, group, writablePaths, kubernetesApi, offers)
 * are read for kind image only.
 */
@Doc("An app: one of CodeZero's catalogue (postgresql, redis, minio, gitea, adminer) or a container image (kind image).")
public final class AppShape {
    @Doc("The app's name: its namespace and default host name.")
    @Required
    String name;

    @Doc("postgresql, redis, minio, gitea, adminer or image.")
    @Required
    String kind;

    @Doc("Size of the app's volume (default 5Gi); for an image app only with volumePath.")
    String storage;

    @Doc("The apps this one uses; gitea and adminer take exactly one, to a postgresql app.")
    List<AppLinkShape> links;

    @Doc("How the app is reached through the gateway; data services (postgresql, redis, minio) take none.")
    AppRouteShape route;

    @Doc("image: the container image, e.g. nginx:1.29.3.")
    String image;

    @Doc("image: the port the container listens on (default 8080).")
    Integer port;

    @Doc("image: environment variables of the container.")
    Map<String, String> env;

    @Doc("image: where the app's volume is mounted (e.g. /data); without it the app has no volume.")
    String volumePath;

    @Doc("image: replicas (default 1).")
    Integer replicas;

    @Doc("image: startup, readiness and liveness probes (default: TCP on the port).")
    AppProbesShape probes;

    @Doc("image: the user id the container runs as.")
    Integer user;

    @Doc("image: the group id the container runs as (default the user id).")
    Integer group;

    @Doc("image: paths the container may write to (the root filesystem is read-only).")
    List<String> writablePaths;

    @Doc("image: whether the app's service account token is mounted (default false).")
    Boolean kubernetesApi;

    @Doc("image: the interfaces the app offers to apps that link to it.")
    List<AppOfferShape> offers;

    @Doc("CPU and memory requests and limits of the app's containers.")
    AppResourcesShape resources;

    @Doc("A resource quota on the app's namespace.")
    AppQuotaShape quota;

    private AppShape() {
    }
}
