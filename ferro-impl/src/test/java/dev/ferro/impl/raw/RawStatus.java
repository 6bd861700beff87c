package dev.ferro.impl.raw;

/** A status stored by name; RETIRED has a constant body, so its class is an anonymous subclass of the enum. */
public enum RawStatus {
    ACTIVE,
    RETIRED {
        @Override
        public String toString() {
            return "retired";
        }
    }
}
