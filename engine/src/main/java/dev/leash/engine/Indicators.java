package dev.leash.engine;

/**
 * Incremental bar indicators of one symbol, O(1) per closed bar and allocation-free: RSI(14), MACD(12, 26, 9)
 * histogram, Bollinger(20, 2) %B, volume ratio over 20 bars, ATR(14) and realized volatility of 20 log returns.
 * Values are NaN until enough bars were seen. Rolling sums are recomputed exactly once per window, so they do not
 * drift over long backtests.
 */
final class Indicators {

    static final int RSI_PERIOD = 14;
    static final int ATR_PERIOD = 14;
    static final int WINDOW = 20;
    /** 5-minute bars in a year, for annualizing volatility. */
    private static final double BARS_PER_YEAR = 288.0 * 365.0;

    private long bars;
    private double prevClose = Double.NaN;
    private double avgGain;
    private double avgLoss;
    private double ema12;
    private double ema26;
    private double signal;
    private double atr;

    private final double[] closes = new double[WINDOW];
    private final double[] volumes = new double[WINDOW];
    private final double[] returns = new double[WINDOW];
    private double closeSum;
    private double closeSumSq;
    private double volumeSum;
    private double returnSum;
    private double returnSumSq;
    private long returnCount;

    double rsi = Double.NaN;
    double macdHistogram = Double.NaN;
    double bollingerPctB = Double.NaN;
    double volumeRatio = Double.NaN;
    double atrValue = Double.NaN;
    double realizedVolatility = Double.NaN;

    void onBar(double high, double low, double close, double volume) {
        bars++;
        updateRsi(close);
        updateMacd(close);
        updateAtr(high, low, close);
        updateWindows(close, volume);
        prevClose = close;
    }

    long bars() {
        return bars;
    }

    private void updateRsi(double close) {
        if (Double.isNaN(prevClose)) {
            return;
        }
        double change = close - prevClose;
        double gain = Math.max(change, 0);
        double loss = Math.max(-change, 0);
        long n = bars - 1; // changes seen so far
        if (n <= RSI_PERIOD) {
            avgGain += gain / RSI_PERIOD;
            avgLoss += loss / RSI_PERIOD;
        } else {
            avgGain = (avgGain * (RSI_PERIOD - 1) + gain) / RSI_PERIOD;
            avgLoss = (avgLoss * (RSI_PERIOD - 1) + loss) / RSI_PERIOD;
        }
        if (n >= RSI_PERIOD) {
            rsi = avgLoss == 0 ? (avgGain == 0 ? 50.0 : 100.0) : 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
        }
    }

    private void updateMacd(double close) {
        if (bars == 1) {
            ema12 = close;
            ema26 = close;
            signal = 0;
            return;
        }
        ema12 += (close - ema12) * (2.0 / 13.0);
        ema26 += (close - ema26) * (2.0 / 27.0);
        double macd = ema12 - ema26;
        signal += (macd - signal) * (2.0 / 10.0);
        if (bars >= 35) {
            macdHistogram = macd - signal;
        }
    }

    private void updateAtr(double high, double low, double close) {
        double tr = Double.isNaN(prevClose) ? high - low
                : Math.max(high - low, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
        if (bars <= ATR_PERIOD) {
            atr += tr / ATR_PERIOD;
            if (bars == ATR_PERIOD) {
                atrValue = atr;
            }
        } else {
            atr = (atr * (ATR_PERIOD - 1) + tr) / ATR_PERIOD;
            atrValue = atr;
        }
    }

    private void updateWindows(double close, double volume) {
        int slot = (int) ((bars - 1) % WINDOW);
        closeSum += close - closes[slot];
        closeSumSq += close * close - closes[slot] * closes[slot];
        volumeSum += volume - volumes[slot];
        closes[slot] = close;
        volumes[slot] = volume;
        if (!Double.isNaN(prevClose) && prevClose > 0 && close > 0) {
            int rslot = (int) (returnCount % WINDOW);
            double r = Math.log(close / prevClose);
            returnSum += r - returns[rslot];
            returnSumSq += r * r - returns[rslot] * returns[rslot];
            returns[rslot] = r;
            returnCount++;
            if (rslot == WINDOW - 1) {
                returnSum = 0;
                returnSumSq = 0;
                for (double x : returns) {
                    returnSum += x;
                    returnSumSq += x * x;
                }
            }
        }
        if (slot == WINDOW - 1) {
            closeSum = 0;
            closeSumSq = 0;
            volumeSum = 0;
            for (int i = 0; i < WINDOW; i++) {
                closeSum += closes[i];
                closeSumSq += closes[i] * closes[i];
                volumeSum += volumes[i];
            }
        }
        if (bars >= WINDOW) {
            double mean = closeSum / WINDOW;
            double sd = Math.sqrt(Math.max(0, closeSumSq / WINDOW - mean * mean));
            bollingerPctB = sd == 0 ? 0.5 : (close - (mean - 2 * sd)) / (4 * sd);
            double avgVolume = volumeSum / WINDOW;
            volumeRatio = avgVolume == 0 ? Double.NaN : volume / avgVolume;
        }
        if (returnCount >= WINDOW) {
            double mean = returnSum / WINDOW;
            double var = Math.max(0, returnSumSq / WINDOW - mean * mean);
            realizedVolatility = Math.sqrt(var * BARS_PER_YEAR) * 100.0;
        }
    }
}
