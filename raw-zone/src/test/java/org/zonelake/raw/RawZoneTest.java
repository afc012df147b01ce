package org.zonelake.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.raw.RawZoneConfig.Backend;
import org.zonelake.raw.local.LocalDiskObjectStore;
import org.zonelake.raw.swift.SwiftConfig;
import org.zonelake.raw.swift.SwiftObjectStore;

class RawZoneTest {
    @TempDir
    Path root;

    @Test
    void opensTheLocalDiskUnderTheGivenRoot() {
        ObjectStore store = RawZone.open(new RawZoneConfig(1 << 20), root);

        assertThat(store).isInstanceOfSatisfying(LocalDiskObjectStore.class, local -> assertThat(local.root()).isEqualTo(root));
    }

    @Test
    void opensSwiftWithoutContactingIt() {
        SwiftConfig swift = SwiftConfig.tempAuth("http://127.0.0.1:9/auth/v1.0", "zonelake:lake", "key");

        ObjectStore store = RawZone.open(new RawZoneConfig(1 << 20, Backend.SWIFT, swift), root);

        assertThat(store).isInstanceOf(SwiftObjectStore.class).isInstanceOf(ForeignObjects.class).isInstanceOf(AutoCloseable.class);
    }
}
