-- When each parameter version started to drive the inner loop, in trading time: the windows that
-- /api/params/history reports P&L, trades and drawdown over.
CREATE TABLE params_activations (
    id              BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL,
    trading_time_ms BIGINT NOT NULL,
    wall_time_ms    BIGINT NOT NULL
);
CREATE INDEX params_activations_time ON params_activations (trading_time_ms);
CREATE INDEX fills_params_version ON fills (params_version);
