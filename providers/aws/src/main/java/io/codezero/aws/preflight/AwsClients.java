package io.codezero.aws.preflight;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK v2 clients the preflight uses, all with the JDK's HTTP client (small classpath)
 * and, for tests against an emulator, one endpoint for every service.
 */
public final class AwsClients implements AutoCloseable {
    private final String region;
    private final SdkHttpClient http;
    private final StsClient sts;
    private final Ec2Client ec2;
    private final Ec2Client regionDirectory;
    private final EksClient eks;
    private final CloudWatchLogsClient logs;
    private final IamClient iam;
    private final KmsClient kms;
    private final Optional<URI> publicAddressEcho;
    private final ServiceQuotasApi quotas;

    private AwsClients(String region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        this.region = region;
        this.http = UrlConnectionHttpClient.builder().build();
        Region sdkRegion = Region.of(region);
        var stsBuilder = StsClient.builder().region(sdkRegion).credentialsProvider(credentials).httpClient(http);
        var ec2Builder = Ec2Client.builder().region(sdkRegion).credentialsProvider(credentials).httpClient(http);
        // regions are listed from a region that always exists, so a mistyped region is reported, not a DNS error
        var directoryBuilder = Ec2Client.builder().region(Region.of(region.startsWith("cn-") ? "cn-north-1" : "us-east-1"))
                .credentialsProvider(credentials).httpClient(http);
        var eksBuilder = EksClient.builder().region(sdkRegion).credentialsProvider(credentials).httpClient(http);
        var logsBuilder = CloudWatchLogsClient.builder().region(sdkRegion).credentialsProvider(credentials).httpClient(http);
        // IAM is global: one endpoint per partition
        var iamBuilder = IamClient.builder().region(region.startsWith("cn-") ? Region.AWS_CN_GLOBAL
                        : region.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClient(http);
        var kmsBuilder = KmsClient.builder().region(sdkRegion).credentialsProvider(credentials).httpClient(http);
        endpoint.ifPresent(uri -> {
            kmsBuilder.endpointOverride(uri);
            iamBuilder.endpointOverride(uri);
            logsBuilder.endpointOverride(uri);
            stsBuilder.endpointOverride(uri);
            ec2Builder.endpointOverride(uri);
            directoryBuilder.endpointOverride(uri);
            eksBuilder.endpointOverride(uri);
        });
        this.sts = stsBuilder.build();
        this.ec2 = ec2Builder.build();
        this.regionDirectory = directoryBuilder.build();
        this.eks = eksBuilder.build();
        this.logs = logsBuilder.build();
        this.iam = iamBuilder.build();
        this.kms = kmsBuilder.build();
        // an emulator stands in for AWS's APIs, not for this machine's place on the internet
        this.publicAddressEcho = endpoint.isPresent() ? Optional.empty() : Optional.of(ApiAccessFromHere.CHECK_IP);
        this.quotas = new ServiceQuotasApi(http, credentials, region,
                endpoint.orElse(URI.create("https://servicequotas." + region + "." + (region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"))));
    }

    /** Clients for real AWS with the default credential chain (optionally a named profile). */
    public static AwsClients forRegion(String region, Optional<String> profile) {
        return new AwsClients(region, defaultCredentials(profile), Optional.empty());
    }

    /** The default credential chain (environment, profile, SSO, web identity, container and instance roles), optionally for a named profile. */
    public static AwsCredentialsProvider defaultCredentials(Optional<String> profile) {
        return profile
                .map(p -> (AwsCredentialsProvider) DefaultCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** Clients for an emulator or a private endpoint: every service at one URL. */
    public static AwsClients forEndpoint(String region, AwsCredentialsProvider credentials, URI endpoint) {
        return new AwsClients(region, credentials, Optional.of(endpoint));
    }

    public String region() {
        return region;
    }

    public StsClient sts() {
        return sts;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public Ec2Client regionDirectory() {
        return regionDirectory;
    }

    public EksClient eks() {
        return eks;
    }

    /** CloudWatch Logs of the region (control-plane log groups). */
    public CloudWatchLogsClient logs() {
        return logs;
    }

    /** Where the preflight learns this machine's public address; empty against an emulator. */
    public Optional<URI> publicAddressEcho() {
        return publicAddressEcho;
    }

    /** KMS of the region: the secrets key and its alias. */
    public KmsClient kms() {
        return kms;
    }

    /** IAM (global): service-linked roles and the policy simulator. */
    public IamClient iam() {
        return iam;
    }

    public ServiceQuotasApi quotas() {
        return quotas;
    }

    @Override
    public void close() {
        sts.close();
        ec2.close();
        regionDirectory.close();
        eks.close();
        logs.close();
        iam.close();
        kms.close();
        http.close();
    }
}
