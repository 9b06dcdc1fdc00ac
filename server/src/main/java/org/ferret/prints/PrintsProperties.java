package org.ferret.prints;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of print-file screening ({@code ferret.prints.*}); docs/prints.md lists them. */
@ConfigurationProperties("ferret.prints")
public class PrintsProperties {
    /** Largest file {@code POST /api/v1/prints/screen} takes; a larger one is answered 413. */
    private long maxFileBytes = 32L * 1024 * 1024 - 64 * 1024;
    /** Screenings one client (user or token owner) may ask for per minute; more are answered 429 with Retry-After. */
    private int perClientPerMinute = 60;
    /** Burst a client may use at once (the bucket's capacity). */
    private int burst = 20;

    public long getMaxFileBytes() { return maxFileBytes; }
    public void setMaxFileBytes(long v) { this.maxFileBytes = v; }
    public int getPerClientPerMinute() { return perClientPerMinute; }
    public void setPerClientPerMinute(int v) { this.perClientPerMinute = v; }
    public int getBurst() { return burst; }
    public void setBurst(int v) { this.burst = v; }
}
