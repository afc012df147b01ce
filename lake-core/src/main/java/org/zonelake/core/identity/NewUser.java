package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A user to create. {@code toString()} never shows the password. */
public record NewUser(String username, String password, String email, boolean platformAdmin) {
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public NewUser {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        if (!NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("User name '" + username + "' must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        requireStrongEnough(password);
    }

    public static void requireStrongEnough(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", platformAdmin=" + platformAdmin + "]";
    }
}
