package dev.ferro.tck.liberty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;

/**
 * A Java agent of the Open Liberty server of the TCK (jvm.options): every RMI server socket of the JVM binds
 * to the loopback address. Arquillian's Liberty adapter talks to the server over the JVM's local JMX
 * connector (feature localConnector-1.0), whose RMI port the JDK opens on every address (it only refuses
 * remote peers when they connect); with {@code com.sun.management.jmxremote.local.only=false} (management.properties) the JDK uses
 * the JVM-wide socket factory set here instead, and the port listens on 127.0.0.1 alone.
 */
public final class LoopbackRmi {
    private LoopbackRmi() {
    }

    public static void premain(String arguments) throws IOException {
        RMISocketFactory.setSocketFactory(new RMISocketFactory() {
            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return new Socket(host, port);
            }
        });
    }
}
