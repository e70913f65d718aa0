package dev.leash.journal;

/** One market step the shadow books consumed, at trading time {@code time}, in the shadows' own compact encoding. */
public record MarketStepRecord(long time, String step) {
}
