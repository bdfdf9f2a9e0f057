package dev.journeys.core.internal.imports;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportService;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.RowRejection;
import dev.journeys.api.RunningImport;
import dev.journeys.api.UndoReport;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.input.Pages;
import dev.journeys.core.internal.input.SdkState;
import java.util.List;
import java.util.Optional;

/** The import API of one tenant: checks input, then hands each call to the engine or storage. */
public final class TenantImportService implements ImportService {

    private final String tenant;
    private final SdkState state;
    private final ImportEngine engine;
    private final ImportUndo undo;
    private final RunningImports background;
    private final ImportStorage storage;

    public TenantImportService(String tenant, SdkState state, ImportEngine engine, ImportUndo undo, RunningImports background, ImportStorage storage) {
        this.tenant = tenant;
        this.state = state;
        this.engine = engine;
        this.undo = undo;
        this.background = background;
        this.storage = storage;
    }

    @Override
    public ImportReport run(ImportRequest request) {
        state.check();
        return engine.run(tenant, checked(request), () -> Thread.currentThread().isInterrupted());
    }

    @Override
    public RunningImport start(ImportRequest request) {
        state.check();
        return background.start(tenant, checked(request));
    }

    private static ImportRequest checked(ImportRequest request) {
        Inputs.required("import request", request);
        Inputs.name("file name", request.fileName());
        Inputs.actor(request.actor());
        Inputs.required("import source", request.source());
        return request;
    }

    @Override
    public Page<ImportJob> jobs(PageRequest page) {
        state.check();
        Inputs.required("page", page);
        Optional<Long> before = page.after().map(cursor -> cursor("job", cursor));
        List<ImportJob> jobs = storage.importJobs(tenant, before, page.limit() + 1);
        return Pages.of(jobs, page.limit(), j -> Long.toString(j.id()));
    }

    @Override
    public Optional<ImportJob> job(long jobId) {
        state.check();
        return storage.importJob(tenant, jobId);
    }

    @Override
    public Page<RowRejection> rejections(long jobId, PageRequest page) {
        state.check();
        Inputs.required("page", page);
        storage.importJob(tenant, jobId).orElseThrow(() -> NotFoundException.importJob(jobId));
        long after = page.after().map(cursor -> cursor("line", cursor)).orElse(0L);
        List<RowRejection> rows = storage.importRejections(tenant, jobId, after, page.limit() + 1);
        return Pages.of(rows, page.limit(), r -> Long.toString(r.line()));
    }

    @Override
    public UndoReport undo(long jobId, Actor actor) {
        state.check();
        return undo.undo(tenant, jobId, Inputs.actor(actor));
    }

    private static long cursor(String what, String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("not a " + what + " cursor: " + Pages.clip(cursor));
        }
    }
}
