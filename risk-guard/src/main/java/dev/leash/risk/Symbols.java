package dev.leash.risk;

/** Symbol spelling rules shared by the allowlist and the parameters. */
public final class Symbols {

    private Symbols() {
    }

    /** True for 2 to 20 characters of upper-case letters, digits and '-' (BTCUSDT, BTC-PERP). */
    public static boolean isWellFormed(String symbol) {
        if (symbol == null || symbol.length() < 2 || symbol.length() > 20) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
