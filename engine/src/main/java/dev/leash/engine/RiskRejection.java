package dev.leash.engine;

import dev.leash.risk.OrderReject;

/** An order the pre-trade check refused. */
public record RiskRejection(long time, String symbol, double signedQty, double price, OrderReject reason,
                            long paramsVersion) {
}
