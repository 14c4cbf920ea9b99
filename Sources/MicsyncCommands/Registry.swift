import AdoptAction
import ArgumentParser
import BackupAction
import ConfigAction
import DiffAction
import LogAction
import MicsyncCLI
import MicsyncKit
import RestoreAction
import StatusAction
import TransferAction
import TrashAction
import TreeAction
import UnlockAction
import VerifyAction
import VersionsAction
import WatchAction
import WorkAction

/// The one list of built-in actions, one line each (`make new-action` adds them). Help, the original's
/// `--NAME` spelling and shell completions follow from this list.
public enum Registry {
    public static let commands: [any ParsableCommand.Type] = [
        SyncCommand<Backup>.self,
        SyncCommand<Work>.self,
        SyncCommand<Transfer>.self,
        SyncCommand<Tree>.self,
        StatusCommand.self,
        SyncCommand<Diff>.self,
        ConfigCommand.self,
        TrashCommand.self,
        SyncCommand<Verify>.self,
        AdoptCommand.self,
        LogCommand.self,
        WatchCommand.self,
        UnlockCommand.self,
        VersionsCommand.self,
        RestoreCommand.self,
    ]
}
