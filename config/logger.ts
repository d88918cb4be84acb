import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn keeps test and benchmark output readable; the default shows each HTTP request.
export default ({ env }) => ({
  level: env('LOG_LEVEL', 'http'),
  transports: [new winston.transports.Console({ format: winston.format.combine(formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })) })],
});
