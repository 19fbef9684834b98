package io.aegisops.crosssite;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a state-changing request that a browser sent on behalf of another site, from the headers browsers add
 * themselves: {@code Sec-Fetch-Site} names where the request came from, and {@code Origin} is sent on every
 * cross-origin POST. curl, servers and scripts send neither and are never refused by this rule.
 */
public final class CrossSiteRequests {

    /** Methods that change nothing and are never refused. */
    public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** {@code Sec-Fetch-Site} values of requests a person made here: typed, bookmarked, or from this very origin. */
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private CrossSiteRequests() {
    }

    /** Whether a request with this method can change anything. */
    public static boolean unsafe(String method) {
        return method != null && !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Why a state-changing request must be refused; empty when it may go on.
     *
     * @param fetchSite the {@code Sec-Fetch-Site} header (null when absent: not a modern browser, or not a browser)
     * @param origin    the {@code Origin} header (null when absent)
     * @param host      the {@code Host} header the request was sent with
     */
    public static Optional<String> reason(String fetchSite, String origin, String host) {
        if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("the browser reports it was sent from another site (Sec-Fetch-Site: "
                    + fetchSite.trim() + ")");
        }
        if (origin == null) {
            return Optional.empty();
        }
        String authority = authorityOf(origin.trim());
        if (authority == null || host == null || !authority.equalsIgnoreCase(host.trim())) {
            return Optional.of("it was sent from the web page of another origin (Origin: " + origin.trim() + ")");
        }
        return Optional.empty();
    }

    /** host[:port] of an origin, or null for "null" and anything that is not an origin. */
    private static String authorityOf(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null : uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
