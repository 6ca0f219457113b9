#!/usr/bin/env bash
# Microsoft Entra app registrations for Camunda in tenant 11111111-2222-3333-4444-555555555555,
# written by camunda-entra entra-apps from the config. Run it signed in to that tenant
# (az login --tenant 11111111-2222-3333-4444-555555555555) as an owner of the apps.
#
# The config names every app by its client id, so the commands update apps that exist.
# To create a missing one, run
#   az ad app create --display-name "<name>" --sign-in-audience AzureADMyOrg
#   az ad sp create --id <the appId it prints>
# put the appId into the config and run camunda-entra entra-apps again.
set -euo pipefail

# Microsoft Graph of the tenant's cloud.
graph=https://graph.microsoft.com

# graph_patch APP_ID JSON changes an app registration through Microsoft Graph, for the
# properties az ad app update has no option for. Newer Azure CLI releases also take
# az ad app update --requested-access-token-version 2.
graph_patch() {
  local object_id
  object_id=$(az ad app show --id "$1" --query id --output tsv)
  az rest --method PATCH --uri "$graph/v1.0/applications/$object_id" \
    --headers Content-Type=application/json --body "$2"
}

# Management Identity: confidential web app
# Tokens for it are requested with the scope aaaaaaaa-1111-4111-8111-111111111111/.default.
az ad app update --id aaaaaaaa-1111-4111-8111-111111111111 \
  --identifier-uris api://aaaaaaaa-1111-4111-8111-111111111111 \
  --web-redirect-uris https://camunda.example.com/identity/auth/login-callback
graph_patch aaaaaaaa-1111-4111-8111-111111111111 '{"api":{"requestedAccessTokenVersion":2}}'

# Orchestration Cluster: confidential web app
# Tokens for it are requested with the scope bbbbbbbb-2222-4222-8222-222222222222/.default.
az ad app update --id bbbbbbbb-2222-4222-8222-222222222222 \
  --identifier-uris api://bbbbbbbb-2222-4222-8222-222222222222 \
  --web-redirect-uris \
    https://camunda.example.com/orchestration/sso-callback \
    https://camunda.example.com/orchestration/login/oauth2/code/orchestration
graph_patch bbbbbbbb-2222-4222-8222-222222222222 '{"api":{"requestedAccessTokenVersion":2}}'

# Optimize: confidential web app
# Tokens for it are requested with the scope cccccccc-3333-4333-8333-333333333333/.default.
az ad app update --id cccccccc-3333-4333-8333-333333333333 \
  --identifier-uris api://cccccccc-3333-4333-8333-333333333333 \
  --web-redirect-uris https://camunda.example.com/optimize/api/authentication/callback
graph_patch cccccccc-3333-4333-8333-333333333333 '{"api":{"requestedAccessTokenVersion":2}}'

# Web Modeler UI: single-page application, no secret
# Tokens for it are requested with the scope dddddddd-4444-4444-8444-444444444444/.default.
az ad app update --id dddddddd-4444-4444-8444-444444444444 \
  --identifier-uris api://dddddddd-4444-4444-8444-444444444444
graph_patch dddddddd-4444-4444-8444-444444444444 '{"api":{"requestedAccessTokenVersion":2},"spa":{"redirectUris":["https://camunda.example.com/modeler/login-callback"]}}'

# Web Modeler API: exposes the API; create secrets for your own API clients only
# Tokens for it are requested with the scope eeeeeeee-5555-4555-8555-555555555555/.default.
az ad app update --id eeeeeeee-5555-4555-8555-555555555555 \
  --identifier-uris api://eeeeeeee-5555-4555-8555-555555555555
graph_patch eeeeeeee-5555-4555-8555-555555555555 '{"api":{"requestedAccessTokenVersion":2}}'

# Console: single-page application, no secret
# Tokens for it are requested with the scope ffffffff-6666-4666-8666-666666666666/.default.
az ad app update --id ffffffff-6666-4666-8666-666666666666 \
  --identifier-uris api://ffffffff-6666-4666-8666-666666666666
graph_patch ffffffff-6666-4666-8666-666666666666 '{"api":{"requestedAccessTokenVersion":2},"spa":{"redirectUris":["https://camunda.example.com/console/"]}}'

# Client secrets are not handled here. For each key below, create a secret of its app
# (az ad app credential reset --id <client id> --append --display-name camunda-entra
# --query password --output tsv prints a new one once) and store it in the Secret:
#   kubectl create secret generic entra-credentials -n <namespace> \
#     --from-literal=identity-client-secret=<secret of aaaaaaaa-1111-4111-8111-111111111111> \
#     --from-literal=orchestration-cluster-client-secret=<secret of bbbbbbbb-2222-4222-8222-222222222222> \
#     --from-literal=optimize-client-secret=<secret of cccccccc-3333-4333-8333-333333333333>
