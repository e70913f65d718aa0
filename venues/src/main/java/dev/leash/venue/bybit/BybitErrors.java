package dev.leash.venue.bybit;

import dev.leash.venue.http.HttpVenueException.Kind;

/** Bybit V5 retCodes the adapter treats specially, and what each means for the operator. */
final class BybitErrors {

    static final int BAD_PARAMS = 10001;
    static final int TIMESTAMP_WINDOW = 10002;
    static final int INVALID_KEY = 10003;
    static final int BAD_SIGNATURE = 10004;
    static final int TOO_MANY_VISITS = 10006;
    static final int SERVER_ERROR = 10016;
    static final int ORDER_NOT_FOUND = 110001;
    static final int INSUFFICIENT_BALANCE_1 = 110004;
    static final int INSUFFICIENT_BALANCE_2 = 110007;
    static final int INSUFFICIENT_BALANCE_3 = 110012;
    static final int DUPLICATE_ORDER_LINK_ID = 110072;

    private BybitErrors() {
    }

    static boolean insufficientBalance(int code) {
        return code == INSUFFICIENT_BALANCE_1 || code == INSUFFICIENT_BALANCE_2 || code == INSUFFICIENT_BALANCE_3;
    }

    /** Transient codes are retried for reads and count against the circuit breaker. */
    static Kind kind(int code) {
        return switch (code) {
            case SERVER_ERROR -> Kind.SERVER;
            case TOO_MANY_VISITS -> Kind.RATE_LIMITED;
            default -> Kind.REFUSED;
        };
    }

    static String meaning(int code) {
        return switch (code) {
            case BAD_PARAMS -> "request parameters refused";
            case TIMESTAMP_WINDOW -> "request timestamp outside the receive window (local clock off)";
            case INVALID_KEY -> "invalid API key: check LEASH_BYBIT_API_KEY and that the key belongs to this"
                    + " environment (mainnet, testnet or demo); not retried";
            case BAD_SIGNATURE -> "bad signature: check that LEASH_BYBIT_API_SECRET belongs to the API key;"
                    + " not retried";
            case TOO_MANY_VISITS -> "too many requests";
            case SERVER_ERROR -> "Bybit server error";
            case ORDER_NOT_FOUND -> "order does not exist";
            case INSUFFICIENT_BALANCE_1, INSUFFICIENT_BALANCE_2, INSUFFICIENT_BALANCE_3 -> "insufficient balance";
            case DUPLICATE_ORDER_LINK_ID -> "duplicate orderLinkId: the order already exists";
            default -> "error";
        };
    }
}
