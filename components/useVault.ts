/** Whether Callcare is protected, and locked, following every change. */

import { type VaultStatus, vaultStatus, watchVault } from '../lib/storage/vault';
import { useStored } from './useStored';

export function useVaultStatus(): VaultStatus | undefined {
  return useStored(vaultStatus, watchVault, 'vault').value;
}
