export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'dev-users-permissions-jwt-secret-change-me'),
    },
  },
  graphql: {
    enabled: true,
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 10,
      defaultLimit: 20,
      maxLimit: 100,
      landingPage: env.bool('GRAPHQL_LANDING_PAGE', false),
    },
  },
  // Reminders and notices go out over SMTP (SMTP_HOST unset: e-mails are logged as failed, nothing else breaks).
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 25),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: !env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'noreply@zwgk.example.gov.cn'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'noreply@zwgk.example.gov.cn'),
      },
    },
  },
  catalogue: {
    enabled: env.bool('CATALOGUE_ENABLED', true),
    resolve: './plugins/catalogue',
    config: { leanReads: env.bool('CATALOGUE_LEAN_READS', true), graphqlPlainFields: env.bool('CATALOGUE_GRAPHQL_PLAIN_FIELDS', true) },
  },
  'regulation-versions': {
    enabled: env.bool('REGULATION_VERSIONS_ENABLED', true),
    resolve: './plugins/regulation-versions',
    config: { statusCron: env('REGULATION_STATUS_CRON', '0 5 0 * * *') },
  },
  'policy-linkage': {
    enabled: env.bool('POLICY_LINKAGE_ENABLED', true),
    resolve: './plugins/policy-linkage',
    config: { lagAllowanceWorkingDays: env.int('INTERPRETATION_LAG_WORKING_DAYS', 0) },
  },
  // The pre-publish gate: personal data, injected spam, hidden content and foreign links (README: content-security).
  'content-security': {
    enabled: env.bool('CONTENT_SECURITY_ENABLED', true),
    resolve: './plugins/content-security',
    config: {
      allowDomains: env.array('CONTENT_SECURITY_ALLOW_DOMAINS', []),
      rescanCron: env('CONTENT_SECURITY_RESCAN_CRON', '0 30 2 * * *'),
    },
  },
  deadlines: {
    enabled: env.bool('DEADLINES_ENABLED', true),
    resolve: './plugins/deadlines',
    config: {
      scanCron: env('DEADLINES_SCAN_CRON', '0 15 * * * *'),
      intakeRateLimit: { max: env.int('APPLICATION_RATE_LIMIT_MAX', 5), windowSeconds: env.int('APPLICATION_RATE_LIMIT_WINDOW_SECONDS', 600) },
    },
  },
  // Anonymous public REST and GraphQL reads, in memory or (REDIS_URL) shared by every instance.
  'public-cache': {
    enabled: env.bool('PUBLIC_CACHE_ENABLED', true),
    resolve: './plugins/public-cache',
    config: {
      redisUrl: env('REDIS_URL', ''),
      keyPrefix: env('PUBLIC_CACHE_KEY_PREFIX', 'public-cache:'),
      ttlSeconds: env.int('PUBLIC_CACHE_TTL_SECONDS', 3600),
      maxAgeSeconds: env.int('PUBLIC_CACHE_MAX_AGE_SECONDS', 0),
      memoryMaxBytes: env.int('PUBLIC_CACHE_MEMORY_MB', 64) * 1024 * 1024,
      fastPath: env.bool('PUBLIC_CACHE_FAST_PATH', true),
    },
  },
  compliance: {
    enabled: env.bool('COMPLIANCE_ENABLED', true),
    resolve: './plugins/compliance',
    config: { reminderCron: env('COMPLIANCE_REMINDER_CRON', '0 0 9 * * *'), reminderLeadDays: env.int('COMPLIANCE_REMINDER_LEAD_DAYS', 15) },
  },
});
