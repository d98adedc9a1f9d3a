package io.codezero.gcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The discovery check FakeGoogle runs on every exchange can fail: wrong paths, unknown fields and wrong types are caught. */
class GoogleDiscoveryTest {
    private final GoogleDiscovery discovery = GoogleDiscovery.get();

    @Test
    void requestPathsAreMatchedToTheirMethods() {
        assertThat(discovery.methodFor("GET", "/compute/v1/projects/p/regions/europe-west1")).contains("compute.regions.get");
        assertThat(discovery.methodFor("GET", "/v1/projects/p/locations/europe-west1/serverConfig")).contains("container.projects.locations.getServerConfig");
        assertThat(discovery.methodFor("GET", "/v1/projects/p/services/container.googleapis.com")).contains("serviceusage.services.get");
        assertThat(discovery.methodFor("GET", "/compute/v1/projects/p/regionz/europe-west1")).isEmpty();
        assertThat(discovery.methodFor("POST", "/compute/v1/projects/p/regions/europe-west1")).isEmpty();
    }

    @Test
    void responsesAreCheckedAgainstTheSchema() {
        assertThat(discovery.violations("compute.regions.get", JsonParser.parseString(
                "{\"name\": \"europe-west1\", \"status\": \"UP\", \"quotas\": [{\"metric\": \"CPUS\", \"limit\": 24, \"usage\": 0}]}"))).isEmpty();
        assertThat(discovery.violations("compute.regions.get", JsonParser.parseString(
                "{\"name\": \"europe-west1\", \"quotas\": [{\"metric\": \"CPUS\", \"limit\": \"24\"}], \"zonez\": []}")))
                .containsExactlyInAnyOrder("compute.regions.get Region.quotas[0].limit: expected a number, got \"24\"",
                        "compute.regions.get Region: no property zonez in the schema");
        // int64 travels as a string in Google's JSON
        assertThat(discovery.violations("cloudresourcemanager.projects.get", JsonParser.parseString("{\"projectNumber\": 123}")))
                .containsExactly("cloudresourcemanager.projects.get Project.projectNumber: expected a string (int64), got 123");
    }
}
