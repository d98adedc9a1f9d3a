import pulumi
import pulumi_codezero as codezero

config = pulumi.Config()

platform = codezero.Stack(
    "platform",
    kubeconfig=config.require("kubeconfig"),
    context=config.require("context"),
    cluster=codezero.ClusterArgs(name="pkg-py", kubernetes_version="1.34"),
    platform=codezero.PlatformArgs(
        domain="py.codezero.localhost",
        istio=codezero.IstioArgs(mode="sidecar", gateway=codezero.IstioGatewayArgs(replicas=1, service_type="NodePort")),
        certificates=codezero.CertificatesArgs(issuer="selfSigned"),
        chart_sources={
            "istio-base": "charts/istio-base-1.31",
            "istiod": "charts/istiod-1.31",
            "istio-gateway": "charts/istio-gateway-1.31",
            "istio-cni": "charts/istio-cni-1.31",
            "cert-manager": "charts/cert-manager-v1.21.1",
        },
    ),
)

pulumi.export("kubeconfig", platform.kubeconfig)
pulumi.export("gatewayAddress", platform.gateway_address)
pulumi.export("consoleUrls", platform.console_urls)
