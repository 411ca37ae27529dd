#!/bin/bash
# Runs inside LocalStack when it is ready: the table, the functions, the state machine, the stream and the schedule,
# as the CDK stack declares them. Function environments point at the compose services.
set -euo pipefail
REGION=us-east-1
ACCOUNT=000000000000
TABLE=origination
KEY=$(head -c 32 /dev/urandom | base64)

awslocal dynamodb create-table --table-name "$TABLE" --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
      AttributeName=gsi1pk,AttributeType=S AttributeName=gsi1sk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
  --global-secondary-indexes 'IndexName=gsi1,KeySchema=[{AttributeName=gsi1pk,KeyType=HASH},{AttributeName=gsi1sk,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
  --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES
awslocal dynamodb update-time-to-live --table-name "$TABLE" --time-to-live-specification Enabled=true,AttributeName=expiresAt

ENV="Variables={TABLE_NAME=$TABLE,MICROLOAN_ENCRYPTION_KEY=$KEY,DATABASE_URL=postgresql://postgres:5432/postgres,DATABASE_USER=postgres,DATABASE_PASSWORD=postgres,KYC_URL=http://simulators:8089,BUREAU_URL=http://simulators:8089,PAYMENT_RAIL_URL=http://simulators:8089,SMS_URL=http://simulators:8089,MICROLOAN_PERSON_KEY_SECRET=QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=,MICROLOAN_RAIL_CALLBACK_SECRET=whsec_bG9jYWwtcmFpbC1jYWxsYmFjay1zZWNyZXQ=,STATE_MACHINE_ARN=arn:aws:states:$REGION:$ACCOUNT:stateMachine:origination}"
for f in apply verify-identity score quote-rate disburse remind notify-partners; do
  awslocal lambda create-function --function-name "$f" --runtime java17 --memory-size 1024 --timeout 60 \
    --handler io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest \
    --role "arn:aws:iam::$ACCOUNT:role/lambda" --zip-file "fileb:///opt/functions/$f/target/function.zip" --environment "$ENV"
done
awslocal lambda create-function --function-name api --runtime java17 --memory-size 1024 --timeout 30 \
  --handler io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest \
  --role "arn:aws:iam::$ACCOUNT:role/lambda" --zip-file fileb:///opt/functions/api/target/function.zip --environment "$ENV"

DEFINITION=$(sed -e "s#\${ApplyFunctionArn}#arn:aws:lambda:$REGION:$ACCOUNT:function:apply#g" \
  -e "s#\${VerifyIdentityFunctionArn}#arn:aws:lambda:$REGION:$ACCOUNT:function:verify-identity#g" \
  -e "s#\${ScoreFunctionArn}#arn:aws:lambda:$REGION:$ACCOUNT:function:score#g" \
  -e "s#\${QuoteRateFunctionArn}#arn:aws:lambda:$REGION:$ACCOUNT:function:quote-rate#g" \
  -e "s#\${DisburseFunctionArn}#arn:aws:lambda:$REGION:$ACCOUNT:function:disburse#g" \
  -e "s#\${ApplicationsTable}#$TABLE#g" /opt/workflow/origination.asl.json)
awslocal stepfunctions create-state-machine --name origination --definition "$DEFINITION" \
  --role-arn "arn:aws:iam::$ACCOUNT:role/states"

STREAM=$(awslocal dynamodb describe-table --table-name "$TABLE" --query Table.LatestStreamArn --output text)
awslocal lambda create-event-source-mapping --function-name notify-partners --event-source-arn "$STREAM" \
  --starting-position LATEST --batch-size 100
awslocal events put-rule --name notify-partners-every-minute --schedule-expression "rate(1 minute)"
awslocal events put-targets --rule notify-partners-every-minute \
  --targets "Id=1,Arn=arn:aws:lambda:$REGION:$ACCOUNT:function:notify-partners"
echo "micro-loan platform deployed on LocalStack"
