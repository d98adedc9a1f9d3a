package io.codezero.aws;

/** How private subnets reach the internet. */
public enum NatMode {
    /** One NAT gateway per availability zone: a zone outage cannot cut the others off. The default. */
    ONE_PER_ZONE,
    /** One NAT gateway for all zones: cheaper, but the whole cluster loses egress if its zone fails. */
    SINGLE;

    /** {@return the valid names, comma-separated, for problem messages} */
    public static String validIds() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList());
    }
}
