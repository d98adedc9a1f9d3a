package com.example.platform;

/**
 * What the podinfo layer offers to what comes after it: the address apps call it at.
 *
 * @param url podinfo's in-cluster URL
 */
public record Podinfo(String url) {
}
