package dev.leash.venue;

/** Order types the gateway sends. */
public enum OrderType { MARKET, LIMIT }
