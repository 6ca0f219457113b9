# The Kubernetes Secrets the camunda-entra configuration refers to. Replace
# each <fill in: ...> with the client secret of that app registration in Entra
# (Certificates & secrets), then run the commands or apply the manifest.
# camunda-entra never reads the values.

kubectl create secret generic entra-credentials \
  --from-literal=identity-client-secret='<fill in: client secret of Entra app aaaaaaaa-1111-4111-8111-111111111111 (Management Identity)>' \
  --from-literal=orchestration-cluster-client-secret='<fill in: client secret of Entra app bbbbbbbb-2222-4222-8222-222222222222 (Orchestration Cluster, Connectors)>' \
  --from-literal=optimize-client-secret='<fill in: client secret of Entra app cccccccc-3333-4333-8333-333333333333 (Optimize)>'
