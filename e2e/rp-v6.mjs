#!/usr/bin/env node
// LibreChat v0.7.9 … v0.8.x (openid-client 6 + openid-client/passport) logging in through
// Gatehouse; see README.md.
import { main } from './lib/main.mjs';
import * as librechat from './lib/librechat-v6.mjs';

await main(librechat);
