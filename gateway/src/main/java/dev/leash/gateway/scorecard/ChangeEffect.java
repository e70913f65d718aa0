package dev.leash.gateway.scorecard;

/**
 * One accepted parameter change ({@code fromVersion} replaced by {@code toVersion} at {@code at}) and its effects,
 * measured over one window from the end of the warm-up after it to the next change, a shadow's retirement or now.
 *
 * @param strategyEffect  the live-params shadow (or, without one, the live book) minus the incumbent shadow
 * @param executionEffect the live book minus the live-params shadow; null when no live-params shadow ran for it
 * @param vsBaseline      the live book minus the baseline shadow
 * @param open            whether the window still grows (it ends now)
 * @param by              who made the change: {@code model}, {@code operator} or {@code unknown}
 */
public record ChangeEffect(long at, long fromVersion, long toVersion, String by, boolean open, Effect strategyEffect,
                           Effect executionEffect, Effect vsBaseline) {

    public static final String MODEL = "model";
    public static final String OPERATOR = "operator";
    public static final String UNKNOWN = "unknown";
}
