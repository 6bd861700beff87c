package dev.ferro.impl.types;

/** An application's value type that refuses what is not an address, stored as a string by {@link EmailAddressType}. */
public record EmailAddress(String value) {
    public EmailAddress {
        if (value == null || value.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an e-mail address: " + value);
        }
    }
}
