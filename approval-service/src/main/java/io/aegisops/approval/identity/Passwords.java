package io.aegisops.approval.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.GeneralSecurityException;

/**
 * bcrypt through Quarkus' Elytron support, so no password hashing is hand-written. A wrong name costs as much as a
 * wrong password ({@link #burn}), so response times do not tell which names exist.
 */
final class Passwords {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    private static final String DUMMY = BcryptUtil.bcryptHash("not a password anyone has");

    private Passwords() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time a real check would, for a name that does not exist. */
    static void burn(String password) {
        matches(password == null ? "" : password, DUMMY);
    }
}
