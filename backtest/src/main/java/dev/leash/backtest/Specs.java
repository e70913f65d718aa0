package dev.leash.backtest;

import dev.leash.engine.SymbolSpec;
import dev.leash.venue.Instrument;

import java.util.List;

/** Maps a venue's instrument rules onto what the engine sizes with. */
public final class Specs {

    private Specs() {
    }

    public static List<SymbolSpec> of(List<Instrument> instruments) {
        return instruments.stream()
                .map(i -> new SymbolSpec(i.symbol(), i.lotStep(), i.minQty(), i.minNotional()))
                .toList();
    }
}
