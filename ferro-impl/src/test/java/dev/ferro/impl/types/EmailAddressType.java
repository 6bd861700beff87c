package dev.ferro.impl.types;

import dev.ferro.ColumnType;

/** Registered as a service in the test resources, as {@link MoneyType} is. */
public final class EmailAddressType implements ColumnType<EmailAddress, String> {
    @Override
    public Class<EmailAddress> javaType() {
        return EmailAddress.class;
    }

    @Override
    public Class<String> storedType() {
        return String.class;
    }

    @Override
    public String toStored(EmailAddress value) {
        return value.value();
    }

    @Override
    public EmailAddress fromStored(String value) {
        return new EmailAddress(value);
    }
}
