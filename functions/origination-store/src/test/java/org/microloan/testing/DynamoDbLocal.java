package org.microloan.testing;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.microloan.origination.store.OriginationTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS's own DynamoDB engine (DynamoDB Local), in this JVM, in memory, on a free port, with the
 * origination table created. Functions find it through the SDK's standard endpoint setting.
 */
public final class DynamoDbLocal implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "origination";

    private static DynamoDBProxyServer server;
    private static URI endpoint;

    public static synchronized URI endpoint() {
        if (server == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                socket.close();
                server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", Integer.toString(port)});
                server.start();
                endpoint = URI.create("http://localhost:" + port);
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            try (DynamoDbClient client = client()) {
                OriginationTable.createIfAbsent(client, TABLE);
            }
        }
        return endpoint;
    }

    public static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public Map<String, String> start() {
        String url = endpoint().toString();
        // the SDK's standard settings, as AWS_ENDPOINT_URL_DYNAMODB etc. would give them in a Lambda
        System.setProperty("aws.endpointUrlDynamoDb", url);
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        return Map.of("microloan.table", TABLE);
    }

    @Override
    public void stop() {
        // one engine for the whole test JVM: it goes with the JVM
    }
}
