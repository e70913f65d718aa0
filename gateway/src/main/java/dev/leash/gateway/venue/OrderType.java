package dev.leash.gateway.venue;

/** Order types the gateway sends. */
public enum OrderType { MARKET, LIMIT }
