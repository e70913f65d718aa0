package dev.leash.gateway.scorecard;

/**
 * One accepted parameter change ({@code fromVersion} replaced by {@code toVersion} at {@code at}) and its effects,
 * measured over one window from the end of the warm-up after it to the next change, a shadow's retirement or now.
 *
 * @param strategyEffect  the live-params shadow (or, without one, the live book) minus the incumbent shadow
 * @param executionEffect the live book minus the live-params shadow; null when no live-params shadow ran for it
 * @param vsBaseline      the live book minus the baseline shadow
 * @param open            whether the window still grows (it ends now)
 */
public record ChangeEffect(long at, long fromVersion, long toVersion, boolean open, Effect strategyEffect,
                           Effect executionEffect, Effect vsBaseline) {
}
