// Package appreg derives from the config the Microsoft Entra app registrations a Camunda
// release needs, one per component, and writes them as an Azure CLI script or as Microsoft
// Graph application manifests.
//
// Every app is single-tenant (AzureADMyOrg), exposes api://<client id> and asks Entra for
// v2.0 access tokens (api.requestedAccessTokenVersion 2), whose audience is the client id
// that Camunda checks. Camunda requests tokens with <client id>/.default; Connectors, when
// they have an app of their own, with the Orchestration app's.
//
//	component              type          redirect URIs under the component's root URL
//	Management Identity    confidential  /auth/login-callback
//	Orchestration Cluster  confidential  /sso-callback, /login/oauth2/code/orchestration
//	Connectors (own app)   confidential  none
//	Optimize               confidential  /api/authentication/callback
//	Web Modeler UI         public (SPA)  /login-callback
//	Web Modeler API        api           none
//	Console                public (SPA)  /
//
// The paths are those of the chart's Management Identity presets and the Orchestration
// Cluster's redirect-uri; Management Identity's own is the Camunda documentation's. A root
// URL is the component's own option if given, else the config's redirectUrl, else a base URL
// with the context path of the chart's combined Ingress (/identity, /orchestration,
// /optimize, /modeler, /console), else the chart's localhost default. For a config
//
//	tenantId: 11111111-2222-3333-4444-555555555555
//	clients:
//	  console:
//	    clientId: ffffffff-6666-4666-8666-666666666666
//
// and the base URL https://camunda.example.com, the Console manifest is
//
//	{
//	  "displayName": "Camunda Console",
//	  "signInAudience": "AzureADMyOrg",
//	  "identifierUris": ["api://ffffffff-6666-4666-8666-666666666666"],
//	  "api": {"requestedAccessTokenVersion": 2},
//	  "web": {"redirectUris": []},
//	  "spa": {"redirectUris": ["https://camunda.example.com/console/"]}
//	}
//
// The script updates apps that exist, by client id: az ad app update for identifier and web
// redirect URIs, and a Microsoft Graph PATCH through az rest for the token version and the
// single-page redirect URIs, which az ad app update cannot set (its generic --set reaches
// top-level properties only). It handles no secret: a comment names the Secret key the
// config expects each client secret in.
package appreg
