import * as pulumi from "@pulumi/pulumi";
import * as codezero from "@pulumi/codezero";

const config = new pulumi.Config();

const platform = new codezero.Stack("platform", {
    kubeconfig: config.require("kubeconfig"),
    context: config.require("context"),
    cluster: { name: "pkg-ts", kubernetesVersion: "1.34" },
    platform: {
        domain: "ts.codezero.localhost",
        istio: { mode: "sidecar", gateway: { replicas: 1, serviceType: "NodePort" } },
        certificates: { issuer: "selfSigned" },
        chartSources: {
            "istio-base": "charts/istio-base-1.31",
            "istiod": "charts/istiod-1.31",
            "istio-gateway": "charts/istio-gateway-1.31",
            "istio-cni": "charts/istio-cni-1.31",
            "cert-manager": "charts/cert-manager-v1.21.1",
        },
    },
});

export const kubeconfig = platform.kubeconfig;
export const gatewayAddress = platform.gatewayAddress;
export const consoleUrls = platform.consoleUrls;
