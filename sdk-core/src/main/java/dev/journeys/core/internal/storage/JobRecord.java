package dev.journeys.core.internal.storage;

import dev.journeys.api.RowRejection;
import java.util.List;
import java.util.Optional;

/** What an import batch writes of its job beside its moves: the rows it rejected, and how far the job got. */
public record JobRecord(long jobId, List<RowRejection> rejections, Optional<JobProgress> progress) {
    public JobRecord {
        rejections = List.copyOf(rejections);
    }
}
