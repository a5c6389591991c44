package io.esnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogLevelsTest {
    @Test
    void slf4jNamesMapToJulLevels() {
        assertEquals(Level.FINEST, LogLevels.parse("trace"));
        assertEquals(Level.FINE, LogLevels.parse("DEBUG"));
        assertEquals(Level.INFO, LogLevels.parse(" info "));
        assertEquals(Level.WARNING, LogLevels.parse("warn"));
        assertEquals(Level.SEVERE, LogLevels.parse("ERROR"));
    }

    @Test
    void julNamesAndMissingValueWork() {
        assertEquals(Level.FINER, LogLevels.parse("finer"));
        assertEquals(Level.WARNING, LogLevels.parse("WARNING"));
        assertEquals(Level.INFO, LogLevels.parse(null));
        assertEquals(Level.INFO, LogLevels.parse(""));
    }

    @Test
    void unknownNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LogLevels.parse("loud"));
    }
}
