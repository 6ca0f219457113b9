// Package lint finds the Microsoft Entra mistakes in a rendered Camunda release: the ones
// that stop a login, a token exchange or a start, each with the workload, the setting and the
// fix. It reads a manifest stream with or without camunda-entra's post-renderer applied and
// compares it with the config, which is the truth about the tenant and the app registrations.
//
// It works on each container's effective configuration, as internal/oracle computes it:
// mounted Spring Boot files overridden by env and envFrom, placeholders resolved, and the
// files of Node apps and of Optimize under their prefixes. A Connectors container rendered
// with
//
//	# ConfigMap camunda-connectors-configuration, application.yaml
//	camunda:
//	  client:
//	    auth:
//	      token-url: https://login.microsoftonline.com/<tenant>/oauth2/token
//	      client-id: <orchestration client id>
//	# container env
//	- name: VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET
//	  valueFrom: {secretKeyRef: {name: entra-credentials, key: oidc-client-secret}}
//
// gives three findings:
//
//	error [secret-ref] ... VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET: it refers to Secret
//	  "entra-credentials" key "oidc-client-secret", which the config does not declare ...
//	error [endpoint] ... camunda.client.auth.tokenurl: the token URL ... is a v1.0 endpoint ...
//	error [connectors-scope] ... camunda.client.auth.scope: no scope is requested ...
//
// The checks, in the order they report:
//
//	configured         a component of the release has no client in the config (error)
//	secret-ref         a client secret from a Secret key the config does not declare for that
//	                   client, from another client's key, as a literal, or not at all (error)
//	client-id          a client id other than the config's, or the Connectors client missing
//	                   from the Orchestration Cluster's connectors role (error)
//	audience           an audience other than the config's; the Orchestration Cluster not
//	                   accepting its own or the Web Modeler UI audience (error)
//	endpoint           an issuer, token or JWKS URL other than the config's: v1.0
//	                   (sts.windows.net, no /v2.0) or another tenant (error; a "common" tenant
//	                   in a setting the config does not decide is a warning)
//	connectors-scope   Connectors without the Orchestration app's /.default scope (error)
//	identity-audience  Management Identity without the CAMUNDA_IDENTITY_AUDIENCE env var in
//	                   a release without Optimize, camunda-platform-helm#4747 (error)
//	initial-admin      no initial admin, or the basic-auth "demo" user (error); an admin or
//	                   claim other than the config's (warning)
//	console-wellknown  Console with the chart's placeholder discovery URL and no
//	                   CAMUNDA_IDENTITY_JWKS_URL (warning)
//
// An error is a mistake that provably breaks the setup; a warning is a difference from the
// config or from the chart's own Entra render without proof that it fails. A literal in
// Optimize's environment-config.yaml that differs from the config is a warning when the env
// var Optimize's defaults read has the right value: the file is Optimize's own format, and
// that its literals beat env is inferred from its design, not proven.
//
// Messages quote ids, audiences and URLs, never a value that may be a secret. Database
// passwords are not the config's business and are not checked. Workloads are known by
// "Kind/name", so one input must not hold two workloads of one name: lint one namespace at
// a time.
package lint
