package com.deltaenergy.invoicing.api.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient.RefusedException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Binding errors no current endpoint can produce (every parameter has a default), answered by the
 * same exception handler: a missing parameter or header is a field problem; a failure is a 500
 * that says nothing about the code.
 */
class ProblemBindingTest {

  @RestController
  static class Probe {
    @GetMapping("/param")
    String param(@RequestParam int count) {
      return "ok";
    }

    @GetMapping("/header")
    String header(@RequestHeader("X-Thing") String thing) {
      return "ok";
    }

    @GetMapping("/refused/{kind}")
    String refused(@PathVariable RefusedException.Kind kind) {
      throw new RefusedException(kind, "the workflow says no");
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("secret internals at com.example.Db");
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Probe()).setControllerAdvice(new ApiExceptionHandler()).build();

  @Test
  void missingParameterIsAFieldProblem() throws Exception {
    mvc.perform(get("/param"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("count"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
  }

  @Test
  void missingHeaderIsAFieldProblem() throws Exception {
    mvc.perform(get("/header"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("X-Thing"));
  }

  @Test
  void aFeaturesRefusalCarriesItsOwnStatusAndTitle() throws Exception {
    mvc.perform(get("/refused/CONFLICT"))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Not possible in the invoice's state"))
        .andExpect(jsonPath("$.detail").value("the workflow says no"));
    mvc.perform(get("/refused/UNAVAILABLE"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.title").value("Unavailable"));
    mvc.perform(get("/refused/INVALID"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(ApiExceptionHandler.VALIDATION_TYPE.toString()))
        .andExpect(jsonPath("$.errors[0].message").value("the workflow says no"));
  }

  @Test
  void failureIs500WithoutInternals() throws Exception {
    mvc.perform(get("/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
  }
}
