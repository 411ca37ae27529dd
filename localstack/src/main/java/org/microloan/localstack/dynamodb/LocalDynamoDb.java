package org.microloan.localstack.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS's DynamoDB engine (DynamoDB Local) in this JVM, on a port, with the origination table created:
 * its data kept in a directory between runs, or in memory. One shared database, whatever credentials
 * a caller signs with, so every function and the emulator see the same table.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** @param port 0 for any free port; @param createTables what to make in it once it is up */
    public static LocalDynamoDb start(int port, Optional<Path> dataDir, Consumer<DynamoDbClient> createTables) {
        try {
            int chosen = port;
            if (chosen == 0) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    chosen = socket.getLocalPort();
                }
            }
            // no telemetry: the local stack runs offline and tells nobody what it stores
            List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-sharedDb", "-disableTelemetry"));
            if (dataDir.isPresent()) {
                Files.createDirectories(dataDir.get());
                args.addAll(List.of("-dbPath", dataDir.get().toString()));
            } else {
                args.add("-inMemory");
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            LocalDynamoDb local = new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + chosen));
            try (DynamoDbClient client = local.client()) {
                createTables.accept(client);
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
