package io.esnode.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password|hunter2|****",
        "admin_password|x|****",
        "PassPhrase|x|****",
        "client_secret|x|****",
        "community|public|****",
        "client_key_path|/etc/k.pem|****",
        "api_key|abc|****",
        "username|ops|ops",
        "broker_url|tcp://h:1883|tcp://h:1883",
        "keep_alive|30|30"})
    void secretKeysAreMasked(String key, String value, String shown) {
        assertEquals(shown, Secrets.display(key, value));
    }

    @org.junit.jupiter.api.Test
    void arraysAreJoined() {
        assertEquals("a, b", Secrets.display("points", new String[] {"a", "b"}));
        assertEquals("****", Secrets.display("passwords", new String[] {"a", "b"}));
    }
}
