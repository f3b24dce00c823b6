#!/usr/bin/env node
// LibreChat v0.7.5 … v0.7.8 (openid-client 5) logging in through Gatehouse; see README.md.
import { main } from './lib/main.mjs';
import * as librechat from './lib/librechat-v5.mjs';

await main(librechat);
