package io.aegisops.monitor.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the engine that a test can cut, standing in for an engine restart: it severs
 * every open connection and refuses new ones until told to let them through again. Restarting the real
 * engine is not an option on a machine other work shares.
 */
final class SeveringProxy implements AutoCloseable {

    private final ServerSocketChannel server;
    private final SocketAddress engine;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    SeveringProxy(String engineHost) throws IOException {
        URI uri = URI.create(engineHost);
        engine = "unix".equals(uri.getScheme())
                ? UnixDomainSocketAddress.of(uri.getPath())
                : new InetSocketAddress(uri.getHost(), uri.getPort());
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon("proxy-accept", this::acceptLoop);
    }

    /** The address to give the client under test. */
    String host() throws IOException {
        return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Drops every connection and refuses new ones: the engine "went away". */
    void cut() {
        refusing = true;
        for (SocketChannel channel : open) {
            closeQuietly(channel);
        }
    }

    /** The engine is "back". */
    void heal() {
        refusing = false;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                SocketChannel upstream = SocketChannel.open(engine);
                open.add(client);
                open.add(upstream);
                daemon("proxy-up", () -> pump(client, upstream));
                daemon("proxy-down", () -> pump(upstream, client));
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException closed) {
            // one side went away; close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
