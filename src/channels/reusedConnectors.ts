import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Auth = ConfigurationBotFrameworkAuthentication;
type ClaimsIdentity = Parameters<Auth['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Auth['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Auth['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<ReturnType<Auth['authenticateRequest']>>;

/**
 * A promise cache that forgets its oldest entry beyond `max` (unusual serviceUrls cannot make it grow without
 * bound) and drops a promise that rejects, so a failed creation is retried next time, as before.
 */
class BoundedCache<V> {
  private readonly entries = new Map<string, Promise<V>>();
  constructor(private readonly max: number) {}

  get(key: string, create: () => Promise<V>): Promise<V> {
    const found = this.entries.get(key);
    if (found) return found;
    const value = create();
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}

/** The bot's app id in the claims, read as the SDK's connector factory reads it (audience, else appid claim). */
const appIdOf = (claims: ClaimsIdentity): string => String(claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '');

/**
 * ConfigurationBotFrameworkAuthentication that still authenticates every request exactly as before, but reuses
 * connector clients per (app id, serviceUrl, audience) and user-token clients per app id. The SDK builds both,
 * each with its own HTTP pipeline, for every turn: the largest per-turn cost outside the bot itself (profiled at
 * c200: about 0.4 of 2.6 ms CPU per turn, plus the garbage). A client depends only on these keys and the configured
 * credentials, which refresh their token themselves, so one client can serve every turn (the .NET SDK caches
 * connector clients the same way).
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new BoundedCache<ConnectorClient>(64);
  private readonly tokenClients = new BoundedCache<UserTokenClient>(8);

  override async authenticateRequest(
    activity: Parameters<Auth['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const inner = result.connectorFactory;
    return inner ? { ...result, connectorFactory: this.reusing(result.claimsIdentity, inner) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.clients.get(`${appId}\n${serviceUrl}\n${audience ?? ''}`, () => inner.create(serviceUrl, audience)),
    };
  }
}
