package io.esnode.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The built distribution, and private copies of it for tests that change its deploy/ folder. */
final class Distribution {
    private Distribution() {
    }

    static Path built() {
        return Paths.get(System.getProperty("esnode.dist", "../../runtime/target/esnode-gateway"));
    }

    /** Copies bin, lib, etc and deploy (the rest is made at start), keeping the scripts executable. */
    static Path copyTo(Path target) throws IOException {
        Path source = built();
        for (String folder : new String[] {"bin", "lib", "etc", "deploy"}) {
            try (Stream<Path> files = Files.walk(source.resolve(folder))) {
                files.forEach(f -> {
                    try {
                        Path to = target.resolve(source.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return target;
    }

    /** A copy of the bundle jar whose manifest says {@code Bundle-Version: version}; every other entry is kept. */
    static void withBundleVersion(Path jar, String version, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    /**
     * Puts a file into deploy/ the safe way: written next to it under a name FileInstall ignores (outside deploy/),
     * then renamed in one step, so FileInstall never reads a half-written jar.
     */
    static void moveIn(Path source, Path deployed) throws IOException {
        Path staging = deployed.getParent().resolveSibling("staging-" + deployed.getFileName());
        try (InputStream in = Files.newInputStream(source)) {
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
