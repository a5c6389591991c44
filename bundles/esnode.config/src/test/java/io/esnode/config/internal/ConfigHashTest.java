package io.esnode.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigHashTest {

    @Test
    void hashIsSha256OfTheTypedCanonicalForm() {
        // printf '4:port;7:Integer;4:9101;' | sha256sum
        assertEquals("9c1be1e11be32436ae5b0de253d796e7be07979c435002c2574e29a208de563b",
                ConfigHash.sha256(Map.of("port", 9101)));
        // printf '6:topics;8:String[];1:2;1:a;1:b;' | sha256sum
        assertEquals("0d51560e808da2dcd8fc6c42d0b84e3c799bf28e66a75c3da376d4171cfc9688",
                ConfigHash.sha256(Map.of("topics", new String[] {"a", "b"})));
    }

    @Test
    void keyOrderDoesNotMatterButTypesDo() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", "x");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "x");
        ba.put("a", 1);
        assertEquals(ConfigHash.sha256(ab), ConfigHash.sha256(ba));
        assertEquals(false, ConfigHash.sha256(Map.of("a", 1)).equals(ConfigHash.sha256(Map.of("a", "1"))));
    }
}
