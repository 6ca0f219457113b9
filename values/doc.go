// Package values writes the camunda-platform chart values that connect a release to
// Microsoft Entra ID without the post-renderer: the full values example that the chart's
// Entra guide leaves out, computed from the same configuration file.
//
// From this configuration:
//
//	tenantId: 11111111-2222-3333-4444-555555555555
//	initialAdmin: {value: admin@example.com}
//	clients:
//	  identity:
//	    clientId: aaaaaaaa-1111-4111-8111-111111111111
//	    secret: {name: entra-credentials, key: identity-client-secret}
//
// Build makes, for chart 13 (Camunda 8.8):
//
//	global:
//	  identity:
//	    auth:
//	      enabled: true
//	      issuer: https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0
//	      ...
//	      type: MICROSOFT
//	      identity:
//	        clientId: aaaaaaaa-1111-4111-8111-111111111111
//	        ...
//	        secret:
//	          existingSecret: entra-credentials
//	          existingSecretKey: identity-client-secret
//	  security:
//	    authentication:
//	      method: oidc
//	identity:
//	  enabled: true
//	  env:
//	    - name: CAMUNDA_IDENTITY_AUDIENCE
//	      value: aaaaaaaa-1111-4111-8111-111111111111
//
// The settings are those the chart renders for Entra; the env entries are the fixes the
// post-renderer also makes and the chart does not. Databases, mail and ingress are left to the
// user's own values. Chart 14 (8.9) takes the same values; chart 15 (8.10) has no Console and
// names Web Modeler Camunda Hub.
package values
